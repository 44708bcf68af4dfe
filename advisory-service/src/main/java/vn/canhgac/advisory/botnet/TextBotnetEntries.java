package vn.canhgac.advisory.botnet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Plain text: one address or CIDR per line, comments after {@code #} or {@code ;}, blank lines ignored. */
final class TextBotnetEntries implements Iterator<BotnetEntry> {

    private final BufferedReader reader;
    private long line;
    private BotnetEntry next;

    TextBotnetEntries(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024);
        advance();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public BotnetEntry next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        BotnetEntry current = next;
        advance();
        return current;
    }

    private void advance() {
        next = null;
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
                String[] words = content.split("[\\s,]+", 2);
                String label = words.length > 1 ? words[1].strip() : null;
                next = BotnetEntry.read(line, "ip", words[0], "label", label);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
