package vn.canhgac.inventory.system;

/** Where an information system is in its life. Retired systems no longer count towards compliance. */
public enum SystemStatus {
    PLANNED,
    OPERATING,
    RETIRED
}
