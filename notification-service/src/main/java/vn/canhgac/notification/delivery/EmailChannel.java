package vn.canhgac.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Sends a delivery as an e-mail over SMTP: HTML and plain text, in the recipient's language. */
@ApplicationScoped
public class EmailChannel {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);

    private final ReactiveMailer mailer;
    private final MessageRenderer renderer;

    public EmailChannel(ReactiveMailer mailer, MessageRenderer renderer) {
        this.mailer = mailer;
        this.renderer = renderer;
    }

    public Uni<Void> send(Outgoing delivery) {
        Message message = renderer.message(delivery);
        Mail mail = Mail.withHtml(delivery.address(), message.subject(), renderer.html(message))
                .setText(renderer.text(message))
                .addHeader("X-Canhgac-Delivery", delivery.id())
                .addHeader("X-Canhgac-Kind", delivery.kind().name());
        // An SMTP server that accepts the connection and then hangs must not hold the delivery for ever.
        return mailer.send(mail).ifNoItem().after(SEND_TIMEOUT).fail();
    }
}
