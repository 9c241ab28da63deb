package io.crmflow.analytics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.crmflow.security.CurrentUser;
import io.crmflow.team.SalesTeam;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The dashboard page (static files under {@code static/dashboard}) and who is looking at it. */
@Controller
@Hidden
class DashboardController {

    private final SalesTeam team;
    private final AnalyticsScope scope;
    private final IdentityService identityService;

    DashboardController(SalesTeam team, AnalyticsScope scope, IdentityService identityService) {
        this.team = team;
        this.scope = scope;
        this.identityService = identityService;
    }

    @GetMapping("/dashboard")
    String page() {
        return "forward:/dashboard/index.html";
    }

    /**
     * Who is logged in, which regions they manage and may filter by ({@code regions}), and the token the pages post with (CSRF protection is on): the
     * log-out form as {@code csrfParameter}, the rules workbench's requests as header {@code csrfHeader}.
     */
    record Viewer(String userId, List<String> groups, List<String> managedRegions, String csrfParameter, String csrfHeader,
                  String csrfToken, List<String> regions) {
    }

    @GetMapping("/dashboard/data/me")
    @ResponseBody
    Viewer me(Authentication authentication, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(authentication);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Viewer(user.userId(), user.groups().stream().sorted().toList(),
                team.regionsManagedBy(user).stream().map(Enum::name).sorted().toList(), csrf.getParameterName(), csrf.getHeaderName(), csrf.getToken(),
                scope.regionsVisibleTo(user).stream().sorted().map(Enum::name).toList());
    }

    /** Display names by user id, so that the pages show people ("Alice Wang"), not user ids; colleagues' names are no secret. */
    @GetMapping("/dashboard/data/people")
    @ResponseBody
    Map<String, String> people() {
        Map<String, String> names = new TreeMap<>();
        identityService.createUserQuery().list().forEach(user -> names.put(user.getId(), displayName(user)));
        return names;
    }

    private static String displayName(User user) {
        String name = Stream.of(user.getFirstName(), user.getLastName()).filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        return name.isEmpty() ? user.getId() : name;
    }
}
