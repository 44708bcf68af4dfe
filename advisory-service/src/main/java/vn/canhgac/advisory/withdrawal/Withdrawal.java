package vn.canhgac.advisory.withdrawal;

import java.time.Instant;
import java.util.UUID;

/** A withdrawal done: of what, by whom, why, and how many exposures it closed. */
public record Withdrawal(
        String kind,
        UUID id,
        String reference,
        Instant withdrawnAt,
        String withdrawnBy,
        String reason,
        int exposuresClosed) {}
