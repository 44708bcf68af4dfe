package vn.canhgac.commons.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
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
            verified.remember(token.getToken(), identity, jwt.getExpirationTime());
        }
        return Uni.createFrom().item(identity);
    }
}
