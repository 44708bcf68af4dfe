package vn.canhgac.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.canhgac.notification.testing.TestContacts.CAMRANH_FOCAL_POINT;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.File;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.canhgac.commons.testing.KhanhHoaTree;
import vn.canhgac.commons.testing.RunIds;
import vn.canhgac.notification.testing.Events;
import vn.canhgac.notification.testing.MailServer;
import vn.canhgac.notification.testing.TestContacts;

/** The SMTP server stops (./canhgac mail stop): what was to be sent waits, and goes once when it is back. */
@QuarkusTest
@ExtendWith(KhanhHoaTree.class)
class SmtpOutageTest {

    @Inject
    Pool pool;

    @BeforeEach
    void contacts() {
        TestContacts.announce(KhanhHoaTree.producer());
    }

    @Test
    void mailWaitsForTheSmtpServerAndGoesOnce() throws Exception {
        String reference = "OUT-" + RunIds.next(6);
        canhgac("mail", "stop");
        try {
            Events.issue(
                    Events.directive(reference, LocalDate.now(), LocalDate.now().plusDays(20), "UBND-CAMRANH"));
            // Run first after the service starts, this may meet its five consumers still settling into their group:
            // a member that rejoins late holds the directives back up to Kafka's session timeout (45 s; seen in CI).
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> pool.preparedQuery("""
                                    select 1 from delivery d join notification n on n.id = d.notification_id
                                     where n.facts->>'reference' = $1 and d.state = 'PENDING' and d.attempts > 0
                                       and d.last_error is not null""")
                                    .execute(Tuple.of(reference))
                                    .await()
                                    .indefinitely()
                                    .size()
                            > 0);
        } finally {
            canhgac("mail", "start");
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> MailServer.about(CAMRANH_FOCAL_POINT, reference).size() == 1);
        Thread.sleep(3_000);
        assertEquals(1, MailServer.about(CAMRANH_FOCAL_POINT, reference).size(), "delivered once");
    }

    private static void canhgac(String... args) throws Exception {
        File root = new File("..").getCanonicalFile();
        String[] command = new String[args.length + 1];
        command[0] = new File(root, "canhgac").getPath();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process =
                new ProcessBuilder(command).directory(root).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("./canhgac " + String.join(" ", args) + " failed");
        }
    }
}
