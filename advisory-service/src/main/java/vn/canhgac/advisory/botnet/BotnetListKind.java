package vn.canhgac.advisory.botnet;

/** The Authority issues botnet lists monthly, and ad hoc when a campaign needs it. */
public enum BotnetListKind {
    MONTHLY,
    AD_HOC
}
