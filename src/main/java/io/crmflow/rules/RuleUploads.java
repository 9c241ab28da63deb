package io.crmflow.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.crmflow.web.BadRequestException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads uploaded rule files: one or more {@code .dmn}/{@code .drl}/{@code .yaml} files, or a single {@code .zip} of
 * them. Anything else is refused before it reaches the compiler or the database: names that could leave the rules
 * folder, other file types, too many or too large files (a zip is checked as it is unpacked, so a zip bomb stops early).
 */
final class RuleUploads {

    static final String FIELD = "files";
    static final int MAX_FILES = 20;
    static final int MAX_FILE_BYTES = 1024 * 1024;

    /** A plain file name: no folder, no leading dot, one of the rule file types. */
    private static final Pattern RULE_FILE_NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]{0,90}\\.(dmn|drl|yaml)");

    private RuleUploads() {
    }

    static List<RuleFile> read(List<MultipartFile> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new BadRequestException(FIELD, "Upload one or more .dmn, .drl or .yaml files, or a single .zip of them, as field '" + FIELD + "'");
        }
        if (parts.size() == 1 && String.valueOf(parts.get(0).getOriginalFilename()).toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return unzip(parts.get(0));
        }
        if (parts.size() > MAX_FILES) {
            throw new BadRequestException(FIELD, "At most " + MAX_FILES + " files per upload");
        }
        List<RuleFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (MultipartFile part : parts) {
            String name = checkedName(part.getOriginalFilename(), names);
            if (part.getSize() > MAX_FILE_BYTES) {
                throw tooLarge(name);
            }
            files.add(new RuleFile(name, bytes(part)));
        }
        return files;
    }

    private static List<RuleFile> unzip(MultipartFile zip) {
        List<RuleFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes(zip)))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (files.size() == MAX_FILES) {
                    throw new BadRequestException(FIELD, "At most " + MAX_FILES + " files per upload");
                }
                String name = checkedName(entry.getName(), names);
                files.add(new RuleFile(name, readAtMost(in, name)));
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // IllegalArgumentException: an entry name that is not valid UTF-8.
            throw new BadRequestException(FIELD, "'" + zip.getOriginalFilename() + "' is not a readable zip file: " + unreadable.getMessage());
        }
        if (files.isEmpty()) {
            throw new BadRequestException(FIELD, "'" + zip.getOriginalFilename() + "' contains no files");
        }
        return files;
    }

    private static String checkedName(String name, Set<String> seen) {
        if (name == null || !RULE_FILE_NAME.matcher(name).matches()) {
            throw new BadRequestException(FIELD, "'" + name + "' is not a rule file name: expected name.dmn, name.drl or name.yaml"
                    + " (letters, digits, '.', '_', '-'; no folders)");
        }
        if (!seen.add(name)) {
            throw new BadRequestException(FIELD, "'" + name + "' is uploaded twice");
        }
        return name;
    }

    private static byte[] readAtMost(InputStream in, String name) throws IOException {
        byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
        if (content.length > MAX_FILE_BYTES) {
            throw tooLarge(name);
        }
        return content;
    }

    private static BadRequestException tooLarge(String name) {
        return new BadRequestException(FIELD, "'" + name + "' is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file " + part.getOriginalFilename(), e);
        }
    }
}
