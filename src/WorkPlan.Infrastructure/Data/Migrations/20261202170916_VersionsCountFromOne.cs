using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlan.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class VersionsCountFromOne : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Two columns were added with a default of 0 although their numbering starts at 1, and rows written
            // before them kept the 0: a plan's version number (so an amendment of such a plan became version 1 and
            // read as having no version in force), and a responsible service's position (so the services of a row
            // lost their order). Number them from 1 as the app does: a plan that started at 0 moves every number of
            // its history up by one (its versions, their snapshots, its events); positions follow the services'
            // order in the centre's list. Negative numbers step around the unique (plan, number) index.
            migrationBuilder.Sql("""
                CREATE TEMPORARY TABLE plans_counted_from_zero AS
                SELECT p.id FROM plans p
                WHERE p.version_number = 0
                   OR EXISTS (SELECT 1 FROM plan_versions v WHERE v.plan_id = p.id AND v.number = 0)
                   OR EXISTS (SELECT 1 FROM plan_events e WHERE e.plan_id = p.id AND e.plan_version = 0);

                UPDATE plans SET version_number = version_number + 1 WHERE id IN (SELECT id FROM plans_counted_from_zero);
                UPDATE plan_versions SET number = -(number + 1) WHERE plan_id IN (SELECT id FROM plans_counted_from_zero);
                UPDATE plan_versions SET number = -number,
                       snapshot = CASE WHEN snapshot ? 'VersionNumber' THEN jsonb_set(snapshot, '{VersionNumber}', to_jsonb(-number)) ELSE snapshot END
                WHERE number < 0;
                UPDATE plan_events SET plan_version = plan_version + 1 WHERE plan_id IN (SELECT id FROM plans_counted_from_zero);
                DROP TABLE plans_counted_from_zero;

                UPDATE indicator_services r SET position = n.position
                FROM (SELECT r2.indicator_id, r2.service_id,
                             row_number() OVER (PARTITION BY r2.indicator_id ORDER BY s.sort_order, s.id) AS position
                      FROM indicator_services r2 JOIN services s ON s.id = r2.service_id
                      WHERE r2.indicator_id IN (SELECT indicator_id FROM indicator_services WHERE position < 1)) n
                WHERE r.indicator_id = n.indicator_id AND r.service_id = n.service_id;
                UPDATE indicator_in_force_services f SET position = r.position
                FROM indicator_services r
                WHERE f.position < 1 AND r.indicator_id = f.indicator_id AND r.service_id = f.service_id;
                UPDATE indicator_in_force_services f SET position = n.position
                FROM (SELECT f2.indicator_id, f2.service_id,
                             row_number() OVER (PARTITION BY f2.indicator_id ORDER BY s.sort_order, s.id) AS position
                      FROM indicator_in_force_services f2 JOIN services s ON s.id = f2.service_id
                      WHERE f2.indicator_id IN (SELECT indicator_id FROM indicator_in_force_services WHERE position < 1)) n
                WHERE f.indicator_id = n.indicator_id AND f.service_id = n.service_id;

                ALTER TABLE plans ALTER COLUMN version_number DROP DEFAULT;
                ALTER TABLE indicator_services ALTER COLUMN position DROP DEFAULT;
                """);

            migrationBuilder.AddCheckConstraint(
                name: "ck_plans_version_number",
                table: "plans",
                sql: "version_number >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_plan_versions_number",
                table: "plan_versions",
                sql: "number >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_plan_events_plan_version",
                table: "plan_events",
                sql: "plan_version >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_indicator_services_position",
                table: "indicator_services",
                sql: "position >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_indicator_in_force_services_position",
                table: "indicator_in_force_services",
                sql: "position >= 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The numbers stay counted from 1: that is what every version of the app reads.
            migrationBuilder.DropCheckConstraint(
                name: "ck_plans_version_number",
                table: "plans");

            migrationBuilder.DropCheckConstraint(
                name: "ck_plan_versions_number",
                table: "plan_versions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_plan_events_plan_version",
                table: "plan_events");

            migrationBuilder.DropCheckConstraint(
                name: "ck_indicator_services_position",
                table: "indicator_services");

            migrationBuilder.DropCheckConstraint(
                name: "ck_indicator_in_force_services_position",
                table: "indicator_in_force_services");
        }
    }
}
