package com.iusign.platform.signing.web;

import com.iusign.platform.signing.SigningLinks;
import com.iusign.platform.signing.web.SigningJson.SigningLinkBody;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.iusign.platform.signing.web.SigningJson.SigningLinkBody;

/** The signer's API: no token but the link's own; the tenant's status is checked on every call. */
@RestController
@RequestMapping("/api/public/signing/{token}")
class PublicSigningController {

    private final SigningLinks links;

    PublicSigningController(SigningLinks links) {
        this.links = links;
    }

    @GetMapping
    SigningLinkBody open(@PathVariable String token) {
        return SigningLinkBody.of(links.open(token));
    }

    @GetMapping("/document")
    ResponseEntity<byte[]> document(@PathVariable String token) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename("document.pdf").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(links.document(token));
    }

    record SignRequest(@Nullable String typedName) {
    }

    @PostMapping("/sign")
    SigningLinkBody sign(@PathVariable String token, @RequestBody(required = false) @Nullable SignRequest request) {
        return SigningLinkBody.of(links.sign(token, request == null ? null : request.typedName()));
    }
}
