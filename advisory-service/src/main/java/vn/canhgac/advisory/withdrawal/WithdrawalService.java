package vn.canhgac.advisory.withdrawal;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.canhgac.advisory.botnet.BotnetListStore;
import vn.canhgac.advisory.exposure.ExposureMatcher;
import vn.canhgac.advisory.withdrawal.WithdrawalStore.Kind;
import vn.canhgac.commons.audit.AuditTrail;
import vn.canhgac.commons.audit.Change;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.tenancy.Caller;

/**
 * Withdraws an advisory or a botnet list published by mistake (a {@code 0.0.0.0/0} entry, the wrong product):
 * the Authority may withdraw anything, a feed what it published itself. In one transaction the target is marked,
 * every exposure it opened is closed as WITHDRAWN with the reason (each an {@code exposure.status-changed} event),
 * but for a list's hits that another active list names, which stay under that list; the lists compared with a
 * withdrawn list are compared with the latest active one before them; and the withdrawal is audited.
 * A withdrawn advisory or list matches nothing any more.
 */
@ApplicationScoped
public class WithdrawalService {

    private final Pool pool;
    private final WithdrawalStore store;
    private final BotnetListStore lists;
    private final ExposureMatcher matcher;
    private final AuditTrail audit;

    public WithdrawalService(
            Pool pool, WithdrawalStore store, BotnetListStore lists, ExposureMatcher matcher, AuditTrail audit) {
        this.pool = pool;
        this.store = store;
        this.lists = lists;
        this.matcher = matcher;
        this.audit = audit;
    }

    public Uni<Withdrawal> withdraw(Caller caller, Kind kind, UUID id, WithdrawalInput input) {
        String reason = input.reason().strip();
        String actor = caller.displayName();
        return pool.withTransaction(connection -> matcher.lockForPublication(connection)
                .flatMap(locked -> store.lock(connection, kind, id))
                .invoke(target -> check(caller, kind, id, target))
                .flatMap(target -> store.mark(connection, kind, id, actor, reason)
                        .call(at -> kind == Kind.BOTNET_LIST
                                ? lists.compareElsewhereThan(connection, id)
                                : Uni.createFrom().voidItem())
                        .flatMap(at -> matcher.withdraw(connection, kind == Kind.BOTNET_LIST, id, actor, reason)
                                .call(() -> kind == Kind.BOTNET_LIST
                                        ? Uni.createFrom().nullItem()
                                        : matcher.statementCves(connection, id)
                                                .flatMap(cves -> matcher.liftNotAffected(connection, id, cves)))
                                .map(closed -> new Withdrawal(
                                        kind.auditType,
                                        id,
                                        target.reference(),
                                        at,
                                        actor,
                                        reason,
                                        closed.statusChanged())))
                        .call(withdrawal -> audit.record(
                                OpenTransaction.on(connection),
                                caller,
                                List.of(Change.updated(
                                        kind.auditType,
                                        id.toString(),
                                        "/",
                                        Map.of("withdrawn", false),
                                        withdrawal))))));
    }

    private static void check(Caller caller, Kind kind, UUID id, WithdrawalStore.Target target) {
        if (target == null) {
            throw DomainProblem.notFound(kind.auditType, id);
        }
        if (!caller.isAuthority() && !caller.displayName().equals(target.publishedBy())) {
            throw new ForbiddenException("only the Authority or the publisher withdraws");
        }
        if (target.withdrawn()) {
            throw DomainProblem.conflict("already-withdrawn", target.reference());
        }
    }
}
