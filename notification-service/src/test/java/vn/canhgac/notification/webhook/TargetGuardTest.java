package vn.canhgac.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.canhgac.commons.problem.DomainProblem;

/** Which addresses a webhook may reach: public ones, and allow-listed networks only. */
class TargetGuardTest {

    private final TargetGuard guard = new TargetGuard(Optional.of(List.of("127.0.0.1/32", "10.20.0.0/16")));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.2",
                "0.0.0.0",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "100.64.0.1",
                "169.254.169.254",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "::ffff:127.0.0.2",
                "::ffff:169.254.169.254",
                "64:ff9b::a9fe:a9fe",
                "2002:a9fe:a9fe::1",
                "64:ff9b::7f00:1",
                "::7f00:1",
                "::a9fe:a9fe",
                "fe80::1%1",
                "fd00::1%1"
            })
    void insideAddressesAreRefused(String address) throws Exception {
        assertFalse(guard.permitted(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"14.225.0.1", "203.162.10.15", "2402:800::1", "127.0.0.1", "10.20.30.40", "64:ff9b::e1a:1"})
    void publicAndAllowListedAddressesArePermitted(String address) throws Exception {
        assertTrue(guard.permitted(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://example.gov.vn/hook", "file:///etc/passwd", "gopher://x/", "https://user:pass@example.gov.vn/",
                "https:///nohost", "not a url", "https://example.gov.vn/#fragment", "javascript:alert(1)"
            })
    void onlyPlainHttpAndHttpsUrlsAreAccepted(String url) {
        assertThrows(DomainProblem.class, () -> TargetGuard.parse(url));
    }
}
