package vn.canhgac.commons.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Remembers the identity of a bearer token that the OIDC provider has just verified (see {@link VerifiedIdentities}). */
@ApplicationScoped
public class RememberVerifiedIdentity implements SecurityIdentityAugmentor {

    private final VerifiedIdentities verified;

    public RememberVerifiedIdentity(VerifiedIdentities verified) {
        this.verified = verified;
    }

    /** Last: what is remembered is the identity as every other augmentor left it. */
    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null
                && identity.getAttribute(RememberedTokenIdentityProvider.REMEMBERED) == null
                && identity.getPrincipal() instanceof JsonWebToken jwt) {
            verified.remember(token.getToken(), detached(identity), jwt.getExpirationTime());
        }
        return Uni.createFrom().item(identity);
    }

    /**
     * The identity without the request it was verified for: the OIDC provider binds that request to it, and a
     * remembered identity would keep the request alive for minutes. Its permissions (the token's scopes) are kept;
     * the provider's own permission checkers are not, since they hold the builder that held the request.
     */
    static SecurityIdentity detached(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions())
                .setAnonymous(identity.isAnonymous());
        identity.getAttributes().forEach((name, value) -> {
            if (!(value instanceof RoutingContext)) {
                copy.addAttribute(name, value);
            }
        });
        return copy.build();
    }
}
