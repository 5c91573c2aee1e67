using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlan.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AmendmentVersionInForce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_indicators_plan_id_catalogue_code",
                table: "indicators");

            migrationBuilder.DropIndex(
                name: "ix_indicators_plan_id_number",
                table: "indicators");

            migrationBuilder.AddColumn<string>(
                name: "in_force_label",
                table: "sections",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "in_force_sort_order",
                table: "sections",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "in_force_title",
                table: "sections",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "is_in_force",
                table: "sections",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_withdrawn",
                table: "sections",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "in_force_children_partition",
                table: "indicators",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "in_force_deadline",
                table: "indicators",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "in_force_measure",
                table: "indicators",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<List<string>>(
                name: "in_force_mechanism",
                table: "indicators",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "in_force_name",
                table: "indicators",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "in_force_number",
                table: "indicators",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "in_force_parent_id",
                table: "indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "in_force_previous_fact",
                table: "indicators",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "in_force_rollup",
                table: "indicators",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "in_force_schedule_due_months",
                table: "indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "in_force_schedule_kind",
                table: "indicators",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "in_force_section_id",
                table: "indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "in_force_sort_order",
                table: "indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "in_force_target",
                table: "indicators",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "in_force_unit",
                table: "indicators",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_in_force",
                table: "indicators",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_withdrawn",
                table: "indicators",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "indicator_in_force_services",
                columns: table => new
                {
                    indicator_id = table.Column<int>(type: "integer", nullable: false),
                    service_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_in_force_services", x => new { x.indicator_id, x.service_id });
                    table.ForeignKey(
                        name: "fk_indicator_in_force_services_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_indicator_in_force_services_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_in_force_parent_id",
                table: "indicators",
                column: "in_force_parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_in_force_section_id",
                table: "indicators",
                column: "in_force_section_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_plan_id_catalogue_code",
                table: "indicators",
                columns: new[] { "plan_id", "catalogue_code" },
                unique: true,
                filter: "catalogue_code IS NOT NULL AND NOT is_withdrawn");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_plan_id_number",
                table: "indicators",
                columns: new[] { "plan_id", "number" },
                unique: true,
                filter: "NOT is_withdrawn");

            // The plans with a version in force: their rows and sections as they stand are the version in force
            // (every row gets valid values; only those of such plans are in force).
            migrationBuilder.Sql("""
                UPDATE sections s SET is_in_force = (p.status = 'InForce' OR p.version_number > 1),
                    in_force_label = s.label, in_force_title = s.title, in_force_sort_order = s.sort_order
                FROM plans p WHERE p.id = s.plan_id;
                UPDATE indicators i SET is_in_force = (p.status = 'InForce' OR p.version_number > 1),
                    in_force_number = i.number, in_force_name = i.name, in_force_unit = i.unit,
                    in_force_measure = i.measure, in_force_previous_fact = i.previous_fact, in_force_target = i.target,
                    in_force_mechanism = i.mechanism, in_force_deadline = i.deadline, in_force_schedule_kind = i.schedule_kind,
                    in_force_schedule_due_months = i.schedule_due_months, in_force_rollup = i.rollup,
                    in_force_children_partition = i.children_partition,
                    in_force_section_id = CASE WHEN p.status = 'InForce' OR p.version_number > 1 THEN i.section_id END,
                    in_force_parent_id = CASE WHEN p.status = 'InForce' OR p.version_number > 1 THEN i.parent_id END,
                    in_force_sort_order = i.sort_order
                FROM plans p WHERE p.id = i.plan_id;
                INSERT INTO indicator_in_force_services (indicator_id, service_id, position)
                SELECT r.indicator_id, r.service_id, r.position
                FROM indicator_services r JOIN indicators i ON i.id = r.indicator_id WHERE i.is_in_force;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_indicator_in_force_services_service_id",
                table: "indicator_in_force_services",
                column: "service_id");

            migrationBuilder.AddForeignKey(
                name: "fk_indicators_indicators_in_force_parent_id",
                table: "indicators",
                column: "in_force_parent_id",
                principalTable: "indicators",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_indicators_sections_in_force_section_id",
                table: "indicators",
                column: "in_force_section_id",
                principalTable: "sections",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_indicators_indicators_in_force_parent_id",
                table: "indicators");

            migrationBuilder.DropForeignKey(
                name: "fk_indicators_sections_in_force_section_id",
                table: "indicators");

            migrationBuilder.DropTable(
                name: "indicator_in_force_services");

            migrationBuilder.DropIndex(
                name: "ix_indicators_in_force_parent_id",
                table: "indicators");

            migrationBuilder.DropIndex(
                name: "ix_indicators_in_force_section_id",
                table: "indicators");

            migrationBuilder.DropIndex(
                name: "ix_indicators_plan_id_catalogue_code",
                table: "indicators");

            migrationBuilder.DropIndex(
                name: "ix_indicators_plan_id_number",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_label",
                table: "sections");

            migrationBuilder.DropColumn(
                name: "in_force_sort_order",
                table: "sections");

            migrationBuilder.DropColumn(
                name: "in_force_title",
                table: "sections");

            migrationBuilder.DropColumn(
                name: "is_in_force",
                table: "sections");

            migrationBuilder.DropColumn(
                name: "is_withdrawn",
                table: "sections");

            migrationBuilder.DropColumn(
                name: "in_force_children_partition",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_deadline",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_measure",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_mechanism",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_name",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_number",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_parent_id",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_previous_fact",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_rollup",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_schedule_due_months",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_schedule_kind",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_section_id",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_sort_order",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_target",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "in_force_unit",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "is_in_force",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "is_withdrawn",
                table: "indicators");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_plan_id_catalogue_code",
                table: "indicators",
                columns: new[] { "plan_id", "catalogue_code" },
                unique: true,
                filter: "catalogue_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_plan_id_number",
                table: "indicators",
                columns: new[] { "plan_id", "number" },
                unique: true);
        }
    }
}
