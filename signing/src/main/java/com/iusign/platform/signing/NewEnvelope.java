package com.iusign.platform.signing;

import java.util.List;

/** What a tenant user uploads: a title, one PDF and the recipients in signing order. */
public record NewEnvelope(String title, String fileName, byte[] document, List<NewRecipient> recipients) {

    public record NewRecipient(String name, String email) {
    }
}
