package vn.canhgac.inventory.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.sql.Rows;

/**
 * The Hibernate Reactive transaction of a Panache aggregate's change ({@code @WithTransaction}), so that the outbox
 * and the audit trail commit with it. Those callers write one row at a time, so a statement per row is enough.
 */
public final class PanacheTransaction implements OpenTransaction {

    private static final PanacheTransaction CURRENT = new PanacheTransaction();

    private PanacheTransaction() {}

    /** The transaction of the current {@code @WithTransaction}. */
    public static OpenTransaction current() {
        return CURRENT;
    }

    @Override
    public Uni<Void> insert(Rows rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String statement = rows.rowStatement();
        return Panache.getSession().flatMap(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (List<String> parameters : rows.rowParameters()) {
                chain = chain.call(() -> insert(session, statement, parameters));
            }
            return chain;
        });
    }

    private static Uni<Integer> insert(Mutiny.Session session, String statement, List<String> parameters) {
        Mutiny.Query<?> query = session.createNativeQuery(statement);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.executeUpdate();
    }
}
