using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkPlan.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegionalCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "catalogue_code",
                table: "indicators",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "regional_templates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_id = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regional_templates", x => x.id);
                    table.ForeignKey(
                        name: "fk_regional_templates_organisations_region_id",
                        column: x => x.region_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "template_indicators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    template_id = table.Column<int>(type: "integer", nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    section_label = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    section_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    unit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    measure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    rollup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    mechanism = table.Column<List<string>>(type: "text[]", nullable: false),
                    schedule_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    schedule_due_months = table.Column<int>(type: "integer", nullable: false),
                    children_partition = table.Column<bool>(type: "boolean", nullable: false),
                    service_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_template_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_template_indicators_regional_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "regional_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_template_indicators_template_indicators_parent_id",
                        column: x => x.parent_id,
                        principalTable: "template_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_plan_id_catalogue_code",
                table: "indicators",
                columns: new[] { "plan_id", "catalogue_code" },
                unique: true,
                filter: "catalogue_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_regional_templates_region_id",
                table: "regional_templates",
                column: "region_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_template_indicators_parent_id",
                table: "template_indicators",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_template_indicators_template_id_code",
                table: "template_indicators",
                columns: new[] { "template_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_template_indicators_template_id_sort_order",
                table: "template_indicators",
                columns: new[] { "template_id", "sort_order" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "template_indicators");

            migrationBuilder.DropTable(
                name: "regional_templates");

            migrationBuilder.DropIndex(
                name: "ix_indicators_plan_id_catalogue_code",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "catalogue_code",
                table: "indicators");
        }
    }
}
