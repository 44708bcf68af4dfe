package vn.canhgac.commons.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Maps logical topic names to the broker's: each environment (the running platform, the integration tests,
 * the end-to-end tests) shares one broker but gets its own prefix, so they never read each other's events.
 */
@ApplicationScoped
public class EventTopics {

    public static final String ORGANIZATIONS = "inventory.organizations";
    public static final String SYSTEMS = "inventory.systems";
    public static final String ASSETS = "inventory.assets";
    public static final String EXPOSURES = "advisory.exposures";
    public static final String INCIDENTS = "incident.incidents";
    public static final String DIRECTIVES = "advisory.directives";
    public static final String DUTY = "incident.duty";

    private final String prefix;

    public EventTopics(@ConfigProperty(name = "canhgac.topics.prefix") Optional<String> prefix) {
        this.prefix = prefix.orElse("");
    }

    public String physical(String logical) {
        return prefix + logical;
    }
}
