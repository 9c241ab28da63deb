package io.crmflow.team;

/** Sales regions (docs/product.md §2: four Chinese regions). */
public enum Region {
    EAST, SOUTH, NORTH, SOUTHWEST
}
