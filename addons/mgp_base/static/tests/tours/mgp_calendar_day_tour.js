import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("mgp_base_calendar_day_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the accompaniment app",
            trigger: ".o_app[data-menu-xmlid='mgp_base.menu_root']",
            run: "click",
        },
        {
            content: "Open Configuration",
            trigger: ".o-dropdown[data-menu-xmlid='mgp_base.menu_config']",
            run: "click",
        },
        {
            content: "Open the calendar exceptions",
            trigger: ".o-dropdown-item[data-menu-xmlid='mgp_base.menu_calendar_day']",
            run: "click",
        },
        {
            content: "Wait for the calendar exceptions list",
            trigger: ".o_list_renderer th[data-name='day_type']",
        },
        {
            content: "Add a day",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Set its date",
            trigger: ".o_field_widget[name='date'] input",
            run: "edit 12/24/2031",
        },
        {
            content: "Describe it",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Региональный выходной тур",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save, .o_list_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved, .o_list_renderer .o_data_row:not(.o_selected_row) td[name='name']:contains('выходной тур')",
        },
    ],
});
