package vn.canhgac.advisory.withdrawal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an advisory or a botnet list is withdrawn: kept on it, on each exposure it closes and in the audit trail. */
public record WithdrawalInput(@NotBlank @Size(max = 2000) String reason) {}
