package vn.canhgac.advisory.botnet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import vn.canhgac.commons.net.IpNetworks;

/**
 * Plain text: one address or CIDR per line, then a label; comments after {@code #} or {@code ;}, blank lines ignored
 * (FireHOL netsets, plain lists). A line that starts with two addresses is a block from the first to the second
 * (DShield's {@code block.txt}); a first line without a digit is a column header, skipped and reported. A trailing
 * comment of one token is the entry's reference when there is no label, as Spamhaus DROP/EDROP write it:
 * {@code 1.10.16.0/20 ; SBL256894}.
 */
final class TextBotnetEntries extends EntryReader {

    /** Compiled once: {@code String.split} with a pattern compiles it again for every line. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z][\\w.:-]{0,63}");

    private final BufferedReader reader;
    private long line;
    private boolean anyLine;

    TextBotnetEntries(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    protected BotnetEntry read() {
        BotnetEntry next = null;
        try {
            String text;
            while (next == null && (text = reader.readLine()) != null) {
                line++;
                int comment = indexOfComment(text);
                String content = (comment >= 0 ? text.substring(0, comment) : text).strip();
                if (line == 1 && content.startsWith("\uFEFF")) {
                    content = content.substring(1).strip();
                }
                if (content.isEmpty()) {
                    continue;
                }
                String[] words = SEPARATORS.split(content);
                if (!anyLine && words[0].chars().noneMatch(Character::isDigit)) {
                    // A column header (DShield's "Start End Netblock ..."): said in the summary, not an entry.
                    next = BotnetEntry.skip(line, "ip", "botnet-header-line", content);
                } else if (words.length > 1
                        && IpNetworks.address(words[0]).isPresent()
                        && IpNetworks.address(words[1]).isPresent()) {
                    next = range(words[0], words[1], reference(text, comment));
                } else {
                    String[] entry = SEPARATORS.split(content, 2);
                    next = BotnetEntry.read(
                            line,
                            "ip",
                            entry[0],
                            "label",
                            entry.length > 1 ? entry[1].strip() : reference(text, comment));
                }
                anyLine = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return next;
    }

    /** A block written as its first and last address (DShield's {@code block.txt}): the network it is, if one. */
    private BotnetEntry range(String first, String last, String label) {
        return IpNetworks.networkOfRange(first, last)
                .map(network -> BotnetEntry.read(line, "ip", network, "label", label))
                .orElseGet(() -> BotnetEntry.bad(line, "ip", "botnet-range-not-a-network", first + " - " + last));
    }

    /** A comment that is one token, such as Spamhaus DROP's {@code ; SBL256894}, is the entry's reference. */
    private static String reference(String text, int comment) {
        if (comment < 0) {
            return null;
        }
        String rest = text.substring(comment + 1).strip();
        return REFERENCE.matcher(rest).matches() ? rest : null;
    }

    private static int indexOfComment(String text) {
        int hash = text.indexOf('#');
        int semicolon = text.indexOf(';');
        if (hash < 0) {
            return semicolon;
        }
        return semicolon < 0 ? hash : Math.min(hash, semicolon);
    }
}
