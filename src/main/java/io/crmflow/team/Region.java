package io.crmflow.team;

/** Sales regions (SPEC: four Chinese regions). */
public enum Region {
    EAST, SOUTH, NORTH, SOUTHWEST
}
