package io.crmflow.activity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.crmflow.web.BadRequestException;
import io.crmflow.web.InvalidRequestException;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Checks an uploaded file before it is stored (docs/product.md §13): its name is a plain file name, its size at most
 * {@link #MAX_BYTES}, and its type — detected from its bytes by Apache Tika, the name only refining a match (an
 * {@code .exe} renamed {@code .jpg} is still an executable) — a photo, a PDF or an Office document. SVG is refused
 * because it can carry script; Office files with macros too. An Office file is a zip: one that inflates to far more than
 * an Office document does is a zip bomb and refused, read without keeping what it inflates to.
 */
@Component
class AttachmentInspector {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_FILES = 10;
    /** Office documents inflate 2–20 fold; zip bombs by thousands. */
    private static final int MAX_INFLATION = 50;
    private static final long MAX_INFLATED_BYTES = 200L * 1024 * 1024;

    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif", "image/bmp");
    private static final Set<String> OFFICE_CONTAINERS = Set.of("application/x-tika-ooxml", "application/x-tika-msoffice");
    private static final Set<String> OFFICE = Set.of("application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    private static final String PDF = "application/pdf";
    /** Served for an Office file whose specific kind the name did not tell: the browser downloads it and guesses nothing. */
    private static final String GENERIC = "application/octet-stream";

    private final Tika tika = new Tika();

    /** What is stored of an accepted file: its name and the type it is served with. */
    record Accepted(String fileName, String contentType, byte[] content) {
    }

    /** Checks the files of one activity; the first fault is refused with the field {@code files[i]} named. */
    List<Accepted> inspect(List<Upload> uploads) {
        if (uploads.size() > MAX_FILES) {
            throw new InvalidRequestException("files", "At most " + MAX_FILES + " attachments per activity, not " + uploads.size());
        }
        return java.util.stream.IntStream.range(0, uploads.size()).mapToObj(i -> inspect("files[" + i + "]", uploads.get(i))).toList();
    }

    /** A file as uploaded: the name the client gave and its bytes. */
    record Upload(String fileName, byte[] content) {
    }

    private Accepted inspect(String field, Upload upload) {
        String name = fileName(field, upload.fileName());
        byte[] content = upload.content();
        if (content.length == 0) {
            throw new InvalidRequestException(field, "'" + name + "' is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidRequestException(field, "'" + name + "' has " + content.length + " bytes; at most " + MAX_BYTES + " (10 MB) per file");
        }
        String detected = tika.detect(content, name);
        if (detected.contains("macroenabled") || detected.contains("macroEnabled")) {
            throw new InvalidRequestException(field, "'" + name + "' is an Office file with macros (" + detected + "); save it without macros");
        }
        if (IMAGES.contains(detected) || PDF.equals(detected)) {
            return new Accepted(name, detected, content);
        }
        if (OFFICE.contains(detected) || OFFICE_CONTAINERS.contains(detected)) {
            if (detected.startsWith("application/vnd.openxml") || detected.equals("application/x-tika-ooxml")) {
                requireNoZipBomb(field, name, content);
            }
            return new Accepted(name, OFFICE.contains(detected) ? detected : GENERIC, content);
        }
        String why = detected.equals("image/svg+xml") ? " (SVG is refused: it can carry script)" : "";
        throw new InvalidRequestException(field, "'" + name + "' is " + detected + " by its content" + why
                + "; attachments may be photos (JPEG, PNG, GIF, WebP, HEIC), PDF or Office documents");
    }

    /** A plain file name: no folder, no parent reference, no control characters. */
    private static String fileName(String field, String given) {
        if (given == null || given.isBlank()) {
            throw new BadRequestException(field, "Each attachment needs a file name");
        }
        if (given.length() > 255 || given.contains("/") || given.contains("\\") || given.contains("..")
                || given.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new BadRequestException(field, "The file name must be a plain name without a path or control characters, at most 255 characters");
        }
        return given.strip();
    }

    private static void requireNoZipBomb(String field, String name, byte[] content) {
        long limit = Math.min(MAX_INFLATED_BYTES, (long) content.length * MAX_INFLATION);
        long inflated = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    inflated += read;
                    if (inflated > limit) {
                        throw new InvalidRequestException(field, "'" + name + "' inflates to more than " + limit + " bytes: refused as a zip bomb");
                    }
                }
            }
        } catch (IOException broken) {
            throw new InvalidRequestException(field, "'" + name + "' is not a readable Office document: " + broken.getMessage());
        }
    }

    /** Reads at most {@link #MAX_BYTES} + 1 bytes, so that an oversized file is refused without being kept whole. */
    static byte[] read(InputStream in) throws IOException {
        return in.readNBytes((int) MAX_BYTES + 1);
    }
}
