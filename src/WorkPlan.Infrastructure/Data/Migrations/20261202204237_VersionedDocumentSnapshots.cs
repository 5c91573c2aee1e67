using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlan.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class VersionedDocumentSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every stored version and submission so far has the shape of schema version 1 (SignedPlanSnapshot,
            // SubmittedReportSnapshot): they are labelled 1 as they are, and new rows always say their version.
            migrationBuilder.AddColumn<int>(
                name: "schema_version",
                table: "report_snapshots",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "schema_version",
                table: "plan_versions",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.Sql("ALTER TABLE report_snapshots ALTER COLUMN schema_version DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE plan_versions ALTER COLUMN schema_version DROP DEFAULT;");

            migrationBuilder.AddCheckConstraint(
                name: "ck_report_snapshots_schema_version",
                table: "report_snapshots",
                sql: "schema_version >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_plan_versions_schema_version",
                table: "plan_versions",
                sql: "schema_version >= 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_report_snapshots_schema_version",
                table: "report_snapshots");

            migrationBuilder.DropCheckConstraint(
                name: "ck_plan_versions_schema_version",
                table: "plan_versions");

            migrationBuilder.DropColumn(
                name: "schema_version",
                table: "report_snapshots");

            migrationBuilder.DropColumn(
                name: "schema_version",
                table: "plan_versions");
        }
    }
}
