set -euo pipefail
# Three of the 1,000 sites of stacks/fleet.csv, one stack each, in a scratch project of their own: this
# repository's cdktf.json and folder stay as they are. The context in the scratch cdktf.json picks the
# inventory and the split ("stack", "region" or "site").
demo=$(mktemp -d)
cp -R stacks "$demo/stacks"
head -4 stacks/fleet.csv > "$demo/sites.csv"
cp docs/examples/fleet-cdktf.json "$demo/cdktf.json"
cd "$demo"
echo "walk-through project: $demo"
constructs-vpn synth
# terragrunt.hcl in each stack's folder, atlantis.yaml here, cdktf.out/stack-digests.json
constructs-vpn orchestrate
cp cdktf.out/stack-digests.json planned-digests.json

# One site changes its IKE proposal: only its stack needs a plan.
sed -i 's/^\(site-0002,.*\),$/\1,aes256/' sites.csv
constructs-vpn synth
constructs-vpn orchestrate --changed-since planned-digests.json

# Re-split by region: each resource keeps its address; these are the state entries to move.
mv cdktf.out by-site
sed -i 's/"split": "site"/"split": "region"/' cdktf.json
constructs-vpn synth
constructs-vpn orchestrate --moves-from by-site
