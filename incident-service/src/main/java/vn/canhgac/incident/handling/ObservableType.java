package vn.canhgac.incident.handling;

/** What an observable is: an address, a domain, a URL, a file hash or an e-mail address. */
public enum ObservableType {
    IP,
    DOMAIN,
    URL,
    HASH,
    EMAIL
}
