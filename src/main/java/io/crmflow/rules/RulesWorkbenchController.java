package io.crmflow.rules;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The rules workbench page (docs/product.md §15; static files under {@code static/rules}, data from {@code /rules/data}). Only
 * rules owners and administrators get the page; everybody else a 403 problem.
 */
@Controller
@Hidden
class RulesWorkbenchController {

    @GetMapping("/rules")
    String page(Authentication user) {
        RulesOwners.check(user);
        return "forward:/rules/index.html";
    }
}
