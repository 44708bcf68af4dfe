package vn.canhgac.commons.tenancy;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read once from its validated token. */
@RequestScoped
public class CurrentCaller {

    public static final String ORG_CLAIM = "org";

    private final SecurityIdentity identity;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            caller = from(identity);
        }
        return caller;
    }

    static Caller from(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return new Caller(null, null, null, Set.of());
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token) {
            String username = token.getClaim("preferred_username");
            return new Caller(
                    token.getSubject(),
                    username != null ? username : token.getSubject(),
                    token.getClaim(ORG_CLAIM),
                    Set.copyOf(identity.getRoles()));
        }
        return new Caller(principal.getName(), principal.getName(), null, Set.copyOf(identity.getRoles()));
    }
}
