package vn.canhgac.commons.tenancy;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Set;

public class CallerProducer {

    public static final String ORG_CLAIM = "org";

    @Produces
    @RequestScoped
    Caller caller(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return new Caller(null, null, null, Set.of());
        }
        Principal principal = identity.getPrincipal();
        String org = null;
        String name = principal.getName();
        String subject = name;
        if (principal instanceof JsonWebToken token) {
            org = token.getClaim(ORG_CLAIM);
            subject = token.getSubject();
            String username = token.getClaim("preferred_username");
            name = username != null ? username : subject;
        }
        return new Caller(subject, name, org, Set.copyOf(identity.getRoles()));
    }
}
