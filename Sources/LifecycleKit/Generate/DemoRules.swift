/// The demo's rules file: the lifecycle playbook over the demo's stages.
enum DemoRules {
    static let text = """
        # The lifecycle playbook for the demo shop: `clc rules DEMO` shows what each rule
        # proposes, `clc rules DEMO --apply` moves the matches (see README, "Rules").

        [[rule]]
        name = "Second purchase"
        stage = "conversion"
        when = "purchases >= 2"
        move_to = "retention"

        [[rule]]
        name = "Loyal and alive"
        stage = "retention"
        when = "purchases >= 4 and p_alive > 0.8"
        move_to = "loyalty"

        [[rule]]
        name = "No purchase for 90 days"
        stage = "retention"
        when = "days_since_last_purchase > 90"
        move_to = "reengagement"

        [[rule]]
        name = "Bought again"
        stage = "reengagement"
        when = "days_since_last_purchase < days_in_stage"
        move_to = "retention"

        """
}
