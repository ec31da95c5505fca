import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("mgp_ngo_application_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the accompaniment app",
            trigger: ".o_app[data-menu-xmlid='mgp_base.menu_root']",
            run: "click",
        },
        {
            content: "Open the registry menu",
            trigger: ".o-dropdown[data-menu-xmlid='mgp_base.menu_registry']",
            run: "click",
        },
        {
            content: "Open the applications",
            trigger: ".o-dropdown-item[data-menu-xmlid='mgp_ngo_registry.menu_mgp_ngo_application']",
            run: "click",
        },
        {
            content: "Open the paper application",
            trigger: ".o_data_row td[name='org_name']:contains('АНО «Тур»')",
            run: "click",
        },
        {
            content: "Take it for review",
            trigger: ".o_form_view button[name='action_take_review']",
            run: "click",
        },
        {
            content: "Reject it",
            trigger:
                ".o_form_view:not(:has(button[name='action_take_review'])) button[name='action_open_reject_wizard']",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Нет подготовленного персонала, тур",
        },
        {
            content: "Confirm the rejection",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The reason is shown on the application",
            trigger: ".o_form_view .o_field_widget[name='reject_reason']:contains('персонала, тур')",
        },
        {
            content: "Open the registry menu again",
            trigger: ".o-dropdown[data-menu-xmlid='mgp_base.menu_registry']",
            run: "click",
        },
        {
            content: "Open the NGO registry",
            trigger: ".o-dropdown-item[data-menu-xmlid='mgp_ngo_registry.menu_mgp_ngo_registry']",
            run: "click",
        },
        {
            content: "The included NGO is listed",
            trigger: ".o_data_row td[name='name']:contains('АНО «Тур-реестр»')",
        },
        {
            content: "Switch to the kanban view",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "The NGO card is shown",
            trigger: ".o_kanban_record:contains('АНО «Тур-реестр»')",
        },
    ],
});
