package vn.canhgac.notification.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A webhook as its organisation's admin or integration client writes it: where to POST, what for, and which
 * notification types to deliver ({@code canhgac.notification.directive-issued.v1}, ...; none: all of them).
 */
public record WebhookInput(
        @NotBlank @Size(max = 2000) String url,
        @Size(max = 500) String description,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 100) String> eventTypes) {}
