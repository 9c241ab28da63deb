package io.crmflow.team;

public enum ProductLine {
    OTC, PRESCRIPTION, DEVICES, CONSUMABLES
}
