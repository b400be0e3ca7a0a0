package com.iusign.platform.security.internal;

import com.iusign.platform.security.AdminApiClient;
import com.iusign.platform.security.AdminApiClients;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/admin/api-clients}: the registered admin API clients, secrets never included. */
@RestController
@RequestMapping("/api/admin/api-clients")
class AdminApiClientsController {

    private final AdminApiClients clients;

    AdminApiClientsController(AdminApiClients clients) {
        this.clients = clients;
    }

    @GetMapping
    List<AdminApiClient> list() {
        return clients.list();
    }
}
