package vn.canhgac.notification.testing;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** The real SMTP server's mailboxes (GreenMail's REST API, started by ./canhgac), as a recipient would read them. */
public final class MailServer {

    /** A delivered message: its subject and its raw MIME text (headers included). */
    public record Delivered(String subject, String mime) {

        /** The text of the message, its quoted-printable and base64 parts decoded. */
        public String text() {
            StringBuilder text = new StringBuilder();
            for (String part : mime.split("\r?\n--")) {
                int blank = part.indexOf("\r\n\r\n");
                if (blank < 0) {
                    continue;
                }
                String headers = part.substring(0, blank).toLowerCase(java.util.Locale.ROOT);
                String body = part.substring(blank + 4);
                if (headers.contains("content-transfer-encoding: base64")) {
                    body = new String(
                            java.util.Base64.getMimeDecoder().decode(body.strip()),
                            java.nio.charset.StandardCharsets.UTF_8);
                } else if (headers.contains("content-transfer-encoding: quoted-printable")) {
                    body = quotedPrintable(body);
                }
                text.append(body).append('\n');
            }
            return text.toString();
        }

        private static String quotedPrintable(String body) {
            String joined = body.replace("=\r\n", "");
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && i + 2 < joined.length()) {
                    bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private MailServer() {}

    public static String api() {
        return System.getProperty(
                "canhgac.mail.api", System.getenv().getOrDefault("CANHGAC_MAIL_API", "http://127.0.0.1:8025"));
    }

    /** Every message in the address's mailbox (none when it has never received one). */
    public static List<Delivered> inbox(String address) {
        Response response = RestAssured.given().get(api() + "/api/user/" + address + "/messages/");
        if (response.statusCode() != 200 || !response.asString().startsWith("[")) {
            return List.of();
        }
        List<Map<String, Object>> messages = JsonPath.from(response.asString()).getList("");
        return messages.stream()
                .map(m -> new Delivered(String.valueOf(m.get("subject")), String.valueOf(m.get("mimeMessage"))))
                .toList();
    }

    /** The messages of the mailbox whose subject contains the text. */
    public static List<Delivered> about(String address, String text) {
        return inbox(address).stream().filter(m -> m.subject().contains(text)).toList();
    }
}
