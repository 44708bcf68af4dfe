package vn.canhgac.advisory.botnet;

/**
 * One line of a botnet list as read: its row (line number, or object index in a STIX bundle), the canonical
 * network ({@code 203.0.113.7/32}), an optional label (botnet family, malware name), or why it is unreadable.
 */
record BotnetEntry(long row, String network, String label, String field, String fault, String faultArgument) {

    static BotnetEntry of(long row, String network, String label) {
        return new BotnetEntry(row, network, label, null, null, null);
    }

    static BotnetEntry bad(long row, String field, String fault, String argument) {
        return new BotnetEntry(row, null, null, field, fault, argument);
    }

    boolean readable() {
        return fault == null;
    }
}
