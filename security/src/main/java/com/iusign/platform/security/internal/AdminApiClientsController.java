package com.iusign.platform.security.internal;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.web.ChangeRequest;
import com.iusign.platform.kernel.web.DefaultReason;
import com.iusign.platform.security.AdminApiClient;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.RegisteredApiClient;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/admin/api-clients}: the registered admin API clients (secrets never included), and
 * registering one — its secret is in that answer only. A client registered by a client stands
 * for the same person in four-eyes decisions ({@link com.iusign.platform.security.Approvals}).
 */
@RestController
@RequestMapping("/api/admin/api-clients")
class AdminApiClientsController {

    record Register(@Nullable String name, @Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    private final AdminApiClients clients;

    AdminApiClientsController(AdminApiClients clients) {
        this.clients = clients;
    }

    @GetMapping
    List<AdminApiClient> list() {
        return clients.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RegisteredApiClient register(@RequestBody Register body, @DefaultReason("API client registered") Change change) {
        try {
            return clients.register(body.name(), clients.personBehind(change.by()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Map.of("name", e.getMessage()));
        }
    }
}
