using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkPlan.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class NationalCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "national_code",
                table: "template_indicators",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "national_catalogues",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_national_catalogues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "national_indicators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    catalogue_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    section_label = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    section_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    unit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    measure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    rollup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_national_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_national_indicators_national_catalogues_catalogue_id",
                        column: x => x.catalogue_id,
                        principalTable: "national_catalogues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_template_indicators_template_id_national_code",
                table: "template_indicators",
                columns: new[] { "template_id", "national_code" },
                unique: true,
                filter: "national_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_national_indicators_catalogue_id_sort_order",
                table: "national_indicators",
                columns: new[] { "catalogue_id", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_national_indicators_code",
                table: "national_indicators",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "national_indicators");

            migrationBuilder.DropTable(
                name: "national_catalogues");

            migrationBuilder.DropIndex(
                name: "ix_template_indicators_template_id_national_code",
                table: "template_indicators");

            migrationBuilder.DropColumn(
                name: "national_code",
                table: "template_indicators");
        }
    }
}
