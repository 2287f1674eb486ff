package com.chaching.accounts;

import com.chaching.platform.DeletedObject;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "API keys", description = "The account's secret keys (api.md \"Keys\").")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @GetMapping("/api-keys")
    @Operation(operationId = "listApiKeys", summary = "List API keys",
            description = "The keys that work now, newest first, keyset-paginated. Secrets are never shown here.")
    Page<ApiKey> list(Tenant tenant, @Valid @ParameterObject PageRequest page) {
        return keys.list(tenant, page);
    }

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "The answer holds the secret; no later read shows it again.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "worker", summary = "A key for one system", value = """
                    {"name": "Billing worker"}"""))))
    ApiKey create(Tenant tenant, @Valid @RequestBody ApiKeyCreate request) {
        return keys.create(tenant, Objects.requireNonNull(request.name()));
    }

    @PostMapping("/api-keys/{id}/roll")
    @Operation(operationId = "rollApiKey", summary = "Roll an API key",
            description = "A new key with a new secret (in this answer only) and the same name; the old key keeps "
                    + "working for expiresInHours (default 0: it stops at once).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "grace", summary = "Keep the old secret for a day while systems switch", value = """
                    {"expiresInHours": 24}"""))))
    ApiKey roll(Tenant tenant, @PathVariable String id, @Valid @RequestBody(required = false) @Nullable ApiKeyRoll request) {
        Integer hours = request == null ? null : request.expiresInHours();
        return keys.roll(tenant, id, Duration.ofHours(hours == null ? 0 : hours));
    }

    @DeleteMapping("/api-keys/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "The key stops working at once. The account's last working key cannot be revoked (409).")
    DeletedObject revoke(Tenant tenant, @PathVariable String id) {
        return keys.revoke(tenant, id);
    }
}
