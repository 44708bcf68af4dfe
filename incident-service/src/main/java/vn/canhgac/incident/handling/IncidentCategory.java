package vn.canhgac.incident.handling;

/** What kind of incident it is, as national incident reports classify them. */
public enum IncidentCategory {
    MALWARE,
    INTRUSION,
    DDOS,
    DEFACEMENT,
    PHISHING_FRAUD,
    DATA_LEAK,
    DISINFORMATION,
    VULNERABILITY_EXPLOITATION,
    OTHER
}
