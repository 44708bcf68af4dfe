package vn.canhgac.advisory.advisory;

/** Traffic Light Protocol 2.0 labels (FIRST): who the advisory may be shared with. */
public enum Tlp {
    CLEAR, GREEN, AMBER, AMBER_STRICT, RED
}
