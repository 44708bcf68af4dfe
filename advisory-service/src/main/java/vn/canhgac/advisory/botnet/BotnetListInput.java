package vn.canhgac.advisory.botnet;

import java.time.LocalDate;

/** What describes a list, given as query parameters beside the file. */
record BotnetListInput(String reference, String issuer, LocalDate issuedOn, BotnetListKind kind, LocalDate dueOn) {}
