package vn.canhgac.commons.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token this service verified lately with the identity it was verified as, before the OIDC
 * provider would verify it again; a token it does not know goes on to the OIDC provider ({@code null} here), and
 * {@link RememberVerifiedIdentity} remembers what that provider accepted.
 */
@ApplicationScoped
public class RememberedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity that came from memory, so that it is not remembered again. */
    static final String REMEMBERED = "canhgac.identity.remembered";

    private final VerifiedIdentities verified;

    public RememberedTokenIdentityProvider(VerifiedIdentities verified) {
        this.verified = verified;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Before the OIDC provider. Providers are tried from the highest priority down, and the OIDC provider keeps the
     * default priority ({@code SYSTEM_FIRST + 1}); at {@code SYSTEM_FIRST} this memory was never asked.
     */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // Only a bearer access token on an HTTP request: anything else is the OIDC provider's to answer.
        RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!(request.getToken() instanceof AccessTokenCredential token) || current == null) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity known = verified.of(token.getToken());
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        // The remembered identity, bound to this request as the OIDC provider binds the identities it verifies.
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(known)
                        .addAttribute(REMEMBERED, true)
                        .addAttribute(RoutingContext.class.getName(), current)
                        .build());
    }
}
