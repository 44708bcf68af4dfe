package vn.canhgac.notification.audience;

import java.util.List;

/** A contact of an organisation with what it receives: its own choices, or the defaults when it has made none. */
public record ContactView(
        String organization,
        String email,
        String name,
        List<String> roles,
        ContactPreference preference,
        boolean defaults,
        long version) {}
