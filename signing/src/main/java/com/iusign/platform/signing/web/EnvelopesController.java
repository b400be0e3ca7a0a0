package com.iusign.platform.signing.web;

import com.iusign.platform.security.TenantPrincipal;
import com.iusign.platform.signing.Envelope;
import com.iusign.platform.signing.EnvelopePage;
import com.iusign.platform.signing.Envelopes;
import com.iusign.platform.signing.IssuedLink;
import com.iusign.platform.signing.NewEnvelope;
import com.iusign.platform.signing.SigningException;
import com.iusign.platform.signing.web.SigningJson.EnvelopeBody;
import com.iusign.platform.signing.web.SigningJson.EnvelopePageBody;
import com.iusign.platform.signing.web.SigningJson.LinksBody;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The tenant API for envelopes; behind the access gate (a valid, unrevoked token of an ACTIVE tenant). */
@RestController
@RequestMapping("/api/v1/envelopes")
class EnvelopesController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Envelopes envelopes;

    EnvelopesController(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    EnvelopeBody create(@AuthenticationPrincipal TenantPrincipal caller, @RequestParam(required = false) @Nullable String title,
                               @RequestPart(required = false) @Nullable MultipartFile document,
                               @RequestParam(required = false) @Nullable String recipients) {
        byte[] bytes;
        try {
            bytes = document == null ? new byte[0] : document.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return EnvelopeBody.of(envelopes.create(caller.tenantId(), caller.userId().value(), new NewEnvelope(title == null ? "" : title,
                document == null ? "" : document.getOriginalFilename(), bytes, recipients(recipients))));
    }

    @GetMapping
    EnvelopePageBody list(@AuthenticationPrincipal TenantPrincipal caller, @RequestParam(defaultValue = "20") String size,
                             @RequestParam(required = false) @Nullable String cursor) {
        int pageSize;
        try {
            pageSize = Integer.parseInt(size);
        } catch (NumberFormatException e) {
            throw SigningException.validation(Map.of("size", "size must be a whole number from 1 to 100"));
        }
        EnvelopePage page = envelopes.list(caller.tenantId(), pageSize, cursor == null || cursor.isBlank() ? null : cursor);
        return new EnvelopePageBody(page.items().stream().map(EnvelopeBody::of).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    EnvelopeBody get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable UUID id) {
        return EnvelopeBody.of(envelopes.get(caller.tenantId(), id));
    }

    @PostMapping("/{id}/send")
    LinksBody send(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable UUID id) {
        List<IssuedLink> links = envelopes.send(caller.tenantId(), caller.userId().value(), id);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/sign/").toUriString();
        return LinksBody.of(links, base);
    }

    record VoidRequest(@Nullable String reason) {
    }

    @PostMapping("/{id}/void")
    EnvelopeBody voidEnvelope(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable UUID id,
                              @RequestBody(required = false) @Nullable VoidRequest request) {
        Envelope envelope = envelopes.voidEnvelope(caller.tenantId(), caller.userId().value(), id, request == null ? null : request.reason());
        return EnvelopeBody.of(envelope);
    }

    private static List<NewEnvelope.NewRecipient> recipients(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<NewEnvelope.NewRecipient>>() { });
        } catch (JacksonException e) {
            throw SigningException.validation(Map.of("recipients", "Must be a JSON array of {\"name\",\"email\"} objects"));
        }
    }
}
