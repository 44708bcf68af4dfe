package vn.canhgac.gateway.console;

import java.util.regex.Pattern;

/** The paths of the web console that the gateway itself answers. */
final class ConsolePaths {

    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";
    static final String SESSION = "/session";
    /**
     * The console's own screens: a deep link (a notification e-mail links to {@code /exposures/123}) gets the
     * application's page, which then shows that screen. The same list as the console's routes (main.tsx); anything
     * else that is not a file stays a 404.
     */
    static final Pattern SCREENS = Pattern.compile(
            "/|/(overview|directives|exposures|inventory|advisories|incidents|duty|audit|notifications|webhooks)(/[^.]*)?");

    private ConsolePaths() {}
}
