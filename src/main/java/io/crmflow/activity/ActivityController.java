package io.crmflow.activity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/customers/{customerId}/activities")
@Validated
@Tag(name = "Activities", description = "客户活动 Visits, calls, meetings, demos, mails and chats with attachments (docs/product.md §13)")
class ActivityController {

    private final ActivityService activities;

    ActivityController(ActivityService activities) {
        this.activities = activities;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an activity (owner, the region's manager, administrators)",
            description = "occurredAt at most tomorrow (Asia/Shanghai); recorded more than 72 h after occurredAt → late: true")
    ResponseEntity<Activity> record(@PathVariable long customerId, @Valid @RequestBody NewActivity activity, Authentication user) {
        return created(activities.record(customerId, activity, List.of(), user));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Record an activity with attachments: a JSON part 'activity' and up to 10 file parts 'files'",
            description = "Each file at most 10 MB, a photo, PDF or Office document by its content (not its name); anything else, "
                    + "an SVG, an Office file with macros, a zip bomb or a file name with a path is refused (4xx) and nothing is stored")
    ResponseEntity<Activity> recordWithFiles(@PathVariable long customerId, @Valid @RequestPart("activity") NewActivity activity,
                                             @RequestPart(name = "files", required = false) List<MultipartFile> files, Authentication user) {
        List<AttachmentInspector.Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            try (InputStream in = file.getInputStream()) {
                uploads.add(new AttachmentInspector.Upload(file.getOriginalFilename(), AttachmentInspector.read(in)));
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return created(activities.record(customerId, activity, uploads, user));
    }

    private static ResponseEntity<Activity> created(Activity activity) {
        return ResponseEntity.created(URI.create("/api/customers/" + activity.customerId() + "/activities/" + activity.id())).body(activity);
    }

    @GetMapping
    @Operation(summary = "The customer's activities, latest first, with their attachments (for whoever sees the customer)")
    List<Activity> list(@PathVariable long customerId, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit, Authentication user) {
        return activities.list(customerId, limit, user);
    }

    @GetMapping("/{id}")
    Activity get(@PathVariable long customerId, @PathVariable long id, Authentication user) {
        return activities.get(customerId, id, user);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Correct an activity's fields (attachments stay); audited; late is judged again on the corrected occurredAt")
    Activity correct(@PathVariable long customerId, @PathVariable long id, @Valid @RequestBody NewActivity activity, Authentication user) {
        return activities.correct(customerId, id, activity, user);
    }

    /** Always a download, with the type checked at upload and nosniff, so that no browser renders or runs a file here. */
    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attachment (always as a download, never shown inline)")
    ResponseEntity<byte[]> download(@PathVariable long customerId, @PathVariable long id, @PathVariable long attachmentId, Authentication user) {
        ActivityRepository.StoredFile file = activities.file(customerId, id, attachmentId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(file.content());
    }
}
