// Format each cdk.tf given as argument as `cdktf synth --hcl` does (@cdktf/hcl-tools' format, i.e. hclwrite.Format),
// writing <file>.formatted beside it. HCL_TOOLS is the path of the @cdktf/hcl-tools package of the cdktf CLI.
const fs = require("fs");
const { format } = require(process.env.HCL_TOOLS);
(async () => {
  for (const file of process.argv.slice(2)) {
    fs.writeFileSync(file + ".formatted", await format(fs.readFileSync(file).toString()));
  }
})();
