package vn.canhgac.advisory.exposure;

import jakarta.enterprise.context.ApplicationScoped;
import vn.canhgac.commons.outbox.OutboxRenderer;

/**
 * The data of the exposure events the matcher records without it: each exposure's row as the relay sends its event
 * ({@link ExposureRows#EVENT_JSON}, the record {@link ExposureRows#event} serialises).
 */
@ApplicationScoped
public class ExposureEventRenderer implements OutboxRenderer {

    static final String NAME = "exposure";

    private static final String SQL =
            "select x.id::text as key, (%s)::text as payload from (select %s from exposure x %s"
                            .formatted(ExposureRows.EVENT_JSON, ExposureRows.COLUMNS, ExposureRows.JOINS)
                    + " where x.id = any($1::text[]::uuid[])) x";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String sql() {
        return SQL;
    }
}
