package io.crmflow.security;

import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda groups of docs/product.md §2 and the webapps each may open: Cockpit and Admin are the administrators' alone. */
public enum CrmflowGroup {
    SALES_REP("sales-rep", "销售代表 Sales reps", List.of("tasklist")),
    SALES_MANAGER("sales-manager", "销售经理 Sales managers", List.of("tasklist")),
    FINANCE("finance", "财务 Finance", List.of("tasklist")),
    LEGAL("legal", "法务 Legal", List.of("tasklist")),
    GM("gm", "总经理 General management", List.of("tasklist")),
    SUPPORT_AGENT("support-agent", "客服 Support agents", List.of("tasklist")),
    SUPPORT_LEAD("support-lead", "客服主管 Support leads", List.of("tasklist")),
    RULES_OWNER("rules-owner", "规则负责人 Rules owners", List.of("tasklist")),
    PROCESS_DESIGNER("process-designer", "流程设计 Process designers", List.of("tasklist")),
    /** Every webapp, through their grant of everything on every resource (IdentityBootstrap). */
    CAMUNDA_ADMIN(Groups.CAMUNDA_ADMIN, "管理员 Administrators", List.of());

    private final String id;
    private final String displayName;
    private final List<String> webapps;

    CrmflowGroup(String id, String displayName, List<String> webapps) {
        this.id = id;
        this.displayName = displayName;
        this.webapps = webapps;
    }

    public String id() {
        return id;
    }

    String displayName() {
        return displayName;
    }

    List<String> webapps() {
        return webapps;
    }
}
