#!/bin/sh
# Rebuild the built-in tag-entities model, common/lang/nl/ner-model.txt (a
# developer tool, not part of the build). Needs bin/tag-entities built with
# the gazetteers it will ship with, and the CoNLL-2002 Dutch files.
# usage: make-model.sh NED_TRAIN NED_TESTA [EPOCHS] [SEED]
set -eu
train=$1 dev=$2 epochs=${3:-20} seed=${4:-1}
out=common/lang/nl/ner-model.txt
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.log"' EXIT
bin/tag-entities --train --dev="$dev" --epochs="$epochs" --seed="$seed" \
	--model-out="$tmp" "$train" | tee "$tmp.log"
{
	echo "# The built-in model of tag-entities: weights of an averaged structured"
	echo "# perceptron over hashed features (see filters/tag-entities/model.c)."
	echo "# Trained on the Dutch data of the CoNLL-2002 shared task (ned.train,"
	echo "# De Morgen 2000), tuned on ned.testa. That data is licensed for research"
	echo "# use only, and so is this model, with the names of ned.train that it"
	echo "# lists at the end for its gazetteer (names are facts; the licence of the"
	echo "# data they come from still applies to this file as a whole)."
	echo "# Made by filters/tag-entities/make-model.sh:"
	echo "#   make-model.sh ned.train ned.testa $epochs $seed"
	echo "# with the gazetteers in this folder; retrain when they change."
	echo "# Features met fewer than min-count times in tagging ned.train are left"
	echo "# out; the rest are listed most frequent first (the tagger keeps the"
	echo "# first 4096 in a table of their own)."
	sed -n 's/^all /# testa entity F1 (all types): /p' "$tmp.log" | awk '{print $1, $2, $3, $4, $5, $6, $9}'
	sed 's|^# trained on:.*|# trained on: ned.train|; s|best epoch on [^ ]*/|best epoch on |' "$tmp"
} >"$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
